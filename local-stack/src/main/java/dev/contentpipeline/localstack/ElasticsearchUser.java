package dev.contentpipeline.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * Who Elasticsearch runs as. It refuses to run as root, so a root caller runs it as the system user
 * {@value #SYSTEM_USER}, created on first use; anyone else runs it as themselves.
 */
record ElasticsearchUser(String name, boolean isOtherUser) {

    static final String SYSTEM_USER = "contentpipeline";

    private static final int USERADD_USER_EXISTS = 9;

    static ElasticsearchUser forThisProcess() {
        if (!isRoot()) {
            return new ElasticsearchUser(System.getProperty("user.name"), false);
        }
        if (ShortCommand.run(List.of("id", "-u", SYSTEM_USER), 1) != 0) {
            ShortCommand.run(List.of("useradd", "--system", "--user-group", "--no-create-home", "--home-dir",
                    "/nonexistent", "--shell", "/usr/sbin/nologin", SYSTEM_USER), USERADD_USER_EXISTS);
        }
        return new ElasticsearchUser(SYSTEM_USER, true);
    }

    /** The command, run as this user. */
    List<String> command(List<String> command) {
        List<String> full = new ArrayList<>();
        if (this.isOtherUser) {
            full.addAll(List.of("runuser", "-u", this.name, "--"));
        }
        full.addAll(command);
        return full;
    }

    /** Hands the files over to this user, and checks that it can reach them. */
    void takeOwnership(Path path) {
        if (this.isOtherUser) {
            ShortCommand.run(List.of("chown", "-R", this.name + ":", path.toString()));
            checkCanReach(path);
        }
    }

    private void checkCanReach(Path path) {
        for (Path folder = path.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("Elasticsearch runs as user " + this.name + ", who cannot enter "
                            + folder + " to reach " + path + ": choose a work dir outside it (e.g. under /var/tmp)");
                }
            }
            catch (IOException ex) {
                throw new IllegalStateException("Could not check the permissions of " + folder, ex);
            }
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        }
        catch (IOException | UnsupportedOperationException ex) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
