package dev.contentpipeline.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A country or territory as it travels on the countries topic: the JSON of this record, keyed by {@code code}.
 * Places that are no longer countries keep a record with status {@code historical} and name their successors.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Country(
        String code,
        String name,
        String officialName,
        List<String> aliases,
        Map<String, String> names,
        String region,
        String subregion,
        CountryStatus status,
        List<String> successors,
        String summary,
        Long version) {

    static final int MAX_NAMES = 200;

    public Country {
        FieldChecks checks = new FieldChecks();
        checks.maxItems("aliases", aliases, 100);
        checks.maxItems("names", names == null ? null : names.keySet(), MAX_NAMES);
        checks.maxItems("successors", successors, 50);
        code = FieldChecks.clean(code);
        name = FieldChecks.clean(name);
        officialName = FieldChecks.clean(officialName);
        aliases = FieldChecks.cleanAll(aliases);
        names = FieldChecks.cleanMap(names);
        region = FieldChecks.clean(region);
        subregion = FieldChecks.clean(subregion);
        successors = FieldChecks.upperAll(successors);
        summary = FieldChecks.cleanText(summary);

        checks.countryCode("code", code);
        checks.text("name", name, true, 200);
        checks.text("officialName", officialName, true, 300);
        checks.listOf("aliases", aliases, 200);
        if (!names.containsKey("zh")) {
            checks.add("names", "must hold at least the Chinese name, under \"zh\"");
        }
        names.forEach((language, localName) -> {
            checks.language("names." + language, language);
            checks.text("names." + language, localName, true, 200);
        });
        checks.text("region", region, true, 100);
        checks.text("subregion", subregion, false, 100);
        if (status == null) {
            checks.add("status", "is required: current, territory or historical");
        } else if (status == CountryStatus.HISTORICAL && successors.isEmpty()) {
            checks.add("successors", "must name at least one successor for a historical entry");
        }
        checks.countryCodes("successors", successors);
        checks.text("summary", summary, false, 2_000);
        checks.version(version);
        checks.throwIfAny();
    }

    public Country withVersion(long newVersion) {
        return new Country(code, name, officialName, aliases, names, region, subregion, status, successors, summary,
                newVersion);
    }
}
