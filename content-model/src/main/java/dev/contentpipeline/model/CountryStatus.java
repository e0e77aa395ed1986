package dev.contentpipeline.model;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum CountryStatus {
    @JsonProperty("current") CURRENT,
    @JsonProperty("territory") TERRITORY,
    @JsonProperty("historical") HISTORICAL
}
