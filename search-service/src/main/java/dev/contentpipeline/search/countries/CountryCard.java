package dev.contentpipeline.search.countries;

import java.util.Map;

/** A published country as a search shows it: a facet's label, a card beside the results. */
public record CountryCard(String code, String name, String officialName, String region, String subregion,
                          String status, String summary, Map<String, String> names, String url) {
}
