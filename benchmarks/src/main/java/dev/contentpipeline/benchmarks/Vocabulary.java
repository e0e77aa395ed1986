package dev.contentpipeline.benchmarks;

/** English words roughly by how often news text uses them, the most frequent first. */
final class Vocabulary {

    static final String WORDS = """
            the of and to in a is that for on was with as by it at from be have are his has an which not but this
            were they had been their one all new more would there who after when first two about also year years
            people city country government state over into than its other some time most between during up can
            said while where only many what under before three them world could public since against through local
            national region river market report water winter summer council minister president company workers
            school children families town village north south east west coast harbour mountain valley border road
            railway station bridge port airport energy power coal oil gas wind solar grid price prices trade export
            import farmers farm harvest wheat rice tea coffee fish food bread soup kitchen restaurant festival music
            film book library museum history war peace treaty election vote parliament court judge law police army
            hospital doctor health disease vaccine research university science scientist study data climate weather
            snow rain storm flood drought heat cold forest lake island desert steel factory industry mine miners
            union strike wages jobs housing rent tax budget bank money currency inflation growth debt loan bond
            investors shares tourism travel hotel visitors heritage temple church mosque language culture art theatre
            newspaper radio television internet phone software technology digital network startup engineers
            transport bus tram metro ship shipping cargo container truck car electric battery factories plant
            season autumn spring morning evening night week month century decade ancient modern old young family
            mother father son daughter friends neighbours community street square market hall centre district
            province capital republic kingdom empire union alliance agreement plan policy reform protest crowd
            leader party opposition campaign debate minister ministry office officials agency report reports survey
            census population migrants refugees border crossing visa passport embassy diplomat talks summit meeting
            deal contract project construction building tower stadium park garden zoo beach ferry canal dam tunnel
            highway airline flight pilot crew passengers tickets fares service services network schedule delays
            record records champion team match league cup coach players fans goal season final victory defeat
            medal olympic marathon skiing hockey football tennis cricket chess painting sculpture poetry novel
            author writer composer orchestra opera dance festival carnival parade fireworks lantern noodles dumplings
            cabbage potatoes salt sugar spices tea-house pottery silk cotton wool timber paper glass copper gold
            silver iron aluminium lithium nickel uranium pipeline refinery reactor turbine panels storage demand
            supply shortage surplus exports imports tariffs sanctions markets exchange stocks quarter profit losses
            revenue earnings workers layoffs hiring training apprentices teachers students exams classroom campus
            archive manuscript excavation archaeologists fossils dinosaurs glacier volcano earthquake tsunami
            wildfire smoke pollution emissions carbon recycling waste plastic ocean reef whales birds wolves bears
            tigers elephants horses sheep cattle goats pigs chickens orchards vineyards wine beer cheese honey
            """;

    private Vocabulary() {
    }
}
