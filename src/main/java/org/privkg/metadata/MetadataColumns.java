package org.privkg.metadata;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a header of a metadata file means: the names each known column goes by (English and Chinese, as
 * corpora spell them), and a {@code dcterms:NAME} header for any other Dublin Core term.
 */
enum MetadataColumns {
    ID, APP, SECTOR, VERSION_DATE, SOURCE_URL, DCTERMS, OTHER;

    private static final Map<String, MetadataColumns> NAMES = Map.ofEntries(
            Map.entry("id", ID), Map.entry("policy", ID), Map.entry("policyid", ID), Map.entry("编号", ID),
            Map.entry("app", APP), Map.entry("appname", APP), Map.entry("name", APP), Map.entry("title", APP),
            Map.entry("应用", APP), Map.entry("应用名称", APP), Map.entry("app名称", APP),
            Map.entry("sector", SECTOR), Map.entry("category", SECTOR), Map.entry("行业", SECTOR), Map.entry("类别", SECTOR),
            Map.entry("分类", SECTOR),
            Map.entry("versiondate", VERSION_DATE), Map.entry("date", VERSION_DATE), Map.entry("issued", VERSION_DATE),
            Map.entry("updated", VERSION_DATE), Map.entry("更新日期", VERSION_DATE), Map.entry("版本日期", VERSION_DATE),
            Map.entry("生效日期", VERSION_DATE),
            Map.entry("url", SOURCE_URL), Map.entry("sourceurl", SOURCE_URL), Map.entry("source", SOURCE_URL),
            Map.entry("link", SOURCE_URL), Map.entry("landingpage", SOURCE_URL), Map.entry("网址", SOURCE_URL),
            Map.entry("链接", SOURCE_URL));
    private static final Pattern DCTERMS_NAME = Pattern.compile("(?i)(dcterms|dct):([a-z][A-Za-z]*)");

    static MetadataColumns of(String header) {
        if (DCTERMS_NAME.matcher(header.strip()).matches()) return DCTERMS;
        return NAMES.getOrDefault(normalised(header), OTHER);
    }

    /** The Dublin Core term's local name of a {@code dcterms:NAME} header. */
    static String dctermsName(String header) {
        return header.strip().substring(header.strip().indexOf(':') + 1);
    }

    /** "App Name", "app_name" and "app-name" are one name. */
    private static String normalised(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
