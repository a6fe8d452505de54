using SyncLab.Engine.Mapping;
using SyncLab.Engine.Products;

namespace SyncLab.Engine.Tests.Mapping;

public sealed class MappingFileTests
{
    private static MappingFileException Refused(string yaml) =>
        Assert.Throws<MappingFileException>(() => MappingFile.Parse(yaml, "estate.yaml"));

    [Fact]
    public void a_file_that_only_names_its_format_is_the_built_in_mapping() =>
        Assert.Equal(MappingFixtures.Describe(CatalogRules.Default), MappingFixtures.Describe(MappingFile.Parse("mapping: 1\n", "estate.yaml")));

    [Fact]
    public void the_seeded_estates_file_says_what_the_built_in_mapping_says_plus_the_estates_category_thresholds()
    {
        var code = CatalogRules.Default with
        {
            LowStockByCategory = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["KITCHEN"] = 8, ["STATIONERY"] = 12 },
            Countries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [""] = "US", ["UK"] = "GB" },
        };
        Assert.Equal(MappingFixtures.Describe(code), MappingFixtures.Describe(MappingFixtures.Load("default-estate.yaml")));
    }

    [Fact]
    public void the_office_s_state_abbreviations_come_on_top_of_the_us_states_by_name()
    {
        var rules = MappingFile.Parse("mapping: 1\ncodeTables:\n  states:\n    Ore.: OR\n    Calif: CA\n", "estate.yaml");

        Assert.Equal(("OR", "CA", "OR", "WA"), (rules.States["ore."], rules.States["CALIF"], rules.States["Oregon"], rules.States["washington"]));
        Assert.Equal(CatalogRules.UsStates.Count + 2, rules.States.Count);
    }

    [Fact]
    public void the_messy_estates_file_loads_its_own_tables_and_keeps_the_rest_built_in()
    {
        var rules = MappingFixtures.Load("messy-estate.yaml");

        Assert.Equal(new DateOnly(2023, 3, 15), rules.BrandUpgradeDate);
        Assert.Equal("box", rules.UnitsOfMeasure["kart"]);
        Assert.False(rules.UnitsOfMeasure.ContainsKey("PACK"));
        Assert.Equal(Lifecycle.Discontinued, rules.LifecycleCodes["gs"]);
        Assert.Equal(3, rules.Validations.Count);
        Assert.Equal(0.50m, rules.ClearanceMarkdown);
        Assert.Equal("sale", rules.ClearanceTag);
        Assert.Equal("back-soon", rules.BackSoonTag);
        Assert.Equal(2, rules.Fields[ProductField.Vendor].Count);
    }

    [Fact]
    public void the_built_in_codes_fit_the_erps_code_fields()
    {
        Assert.All(CatalogRules.Default.UnitsOfMeasure.Keys.Concat(CatalogRules.Default.LifecycleCodes.Keys), code => Assert.True(code.Length <= CatalogRules.ErpCodeLength, code));
        Assert.False(CatalogRules.Default.LifecycleCodes.ContainsKey("DISCONTINUED"));
    }

    [Theory]
    [InlineData("mapping: 1\ncodeTables:\n  lifecycle:\n    DISCONTINUED: discontinued\n", 4, "codeTables.lifecycle.DISCONTINUED", "12 characters but the ERP's field holds 10")]
    [InlineData("mapping: 1\ncodeTables:\n  unitsOfMeasure:\n    PCS: piece\n    PIECES-LOOSE: piece\n", 5, "codeTables.unitsOfMeasure.PIECES-LOOSE", "holds 10")]
    [InlineData("mapping: 1\nlowStock:\n  byCategory:\n    GARDEN-FURNITURE-OUTDOOR: 4\n", 4, "lowStock.byCategory.GARDEN-FURNITURE-OUTDOOR", "holds 20")]
    [InlineData("mapping: 1\ncodeTables:\n  lifecycle:\n    EOL: gone\n", 4, "codeTables.lifecycle.EOL", "unknown meaning 'gone' (expected active, end-of-line or discontinued)")]
    [InlineData("mapping: 1\nclearance: 0.3\n", 2, "clearance", "unknown key (expected one of: mapping, upgradeDate")]
    [InlineData("mapping: 1\ntags:\n  lowstock: low\n", 3, "tags.lowstock", "unknown key")]
    [InlineData("mapping: 1\nlowStock:\n  default: many\n", 3, "lowStock.default", "expected a whole number, found 'many'")]
    [InlineData("mapping: 1\nlowStock:\n  default: -2\n", 3, "lowStock.default", "must be at least 0")]
    [InlineData("mapping: 1\ncodeTables: [PCS]\n", 2, "codeTables", "expected keys")]
    [InlineData("mapping: 1\nupgradeDate: 1 July 2024\n", 2, "upgradeDate", "expected a date (yyyy-MM-dd)")]
    [InlineData("mapping: 1\nclearanceMarkdown: 30\n", 2, "clearanceMarkdown", "from 0 to below 1")]
    [InlineData("upgradeDate: 2024-07-01\n", 1, "mapping", "missing")]
    [InlineData("mapping: 2\n", 1, "mapping", "reads mapping format 1")]
    [InlineData("mapping: 1\nvalidation:\n  - field: gtin\n    pattern: '^(\\d{8}'\n", 4, "validation[0].pattern", "not a valid pattern")]
    [InlineData("mapping: 1\nvalidation:\n  - field: ean\n    required: true\n", 3, "validation[0].field", "unknown field 'ean'")]
    [InlineData("mapping: 1\nvalidation:\n  - field: unitPrice\n    maxLength: 4\n", 4, "validation[0].maxLength", "does not apply to the number field 'unitPrice'")]
    [InlineData("mapping: 1\nvalidation:\n  - field: title\n    min: 4\n", 4, "validation[0].min", "does not apply to the text field 'title'")]
    [InlineData("mapping: 1\nvalidation:\n  - field: title\n    message: hello\n", 3, "validation[0]", "checks nothing")]
    [InlineData("mapping: 1\nvalidation:\n  - field: title\n    required: yes please\n", 4, "validation[0].required", "expected true or false")]
    [InlineData("mapping: 1\nfields:\n  vendor:\n    - from: manufacturer\n", 4, "fields.vendor[0].from", "unknown ERP field 'manufacturer'")]
    [InlineData("mapping: 1\nfields:\n  vendor:\n    - brand\n    - from: description2\n      when: createdAfterUpgrade\n", 6, "fields.vendor[1].when", "unknown condition 'createdAfterUpgrade'")]
    [InlineData("mapping: 1\nfields:\n  title:\n    - from: description\n      transforms: [trim, shout]\n", 5, "fields.title[0].transforms[1]", "unknown transform 'shout'")]
    [InlineData("mapping: 1\nfields:\n  title:\n    - from: description\n      transforms:\n        - replace: { pattern: '[a-', with: '' }\n", 6, "fields.title[0].transforms[0].replace.pattern", "not a valid pattern")]
    [InlineData("mapping: 1\nfields:\n  colour:\n    - description\n", 3, "fields.colour", "unknown key (expected one of: title, vendor, productType)")]
    [InlineData("mapping: 1\nfields:\n  title: []\n", 3, "fields.title", "needs at least one source")]
    [InlineData("mapping: 1\ncodeTables:\n  unitsOfMeasure:\n    EA: piece\n    ' ea ': piece\n", 5, "codeTables.unitsOfMeasure.ea", "given twice")]
    [InlineData("mapping: 1\ncodeTables:\n  countries:\n    UK: gbr\n", 4, "codeTables.countries.UK", "ISO 3166 two-letter country codes in capitals (GB, US), found 'gbr'")]
    [InlineData("mapping: 1\ncodeTables:\n  states:\n    Ore.: Oregon\n", 4, "codeTables.states.Ore.", "province codes of one to three capitals or digits (OR, ON, NSW), found 'Oregon'")]
    [InlineData("mapping: 1\ncodeTables:\n  shorthand:\n    SS WTR BTL: Stainless Water Bottle\n", 4, "codeTables.shorthand.SS WTR BTL", "one word or two words")]
    [InlineData("mapping: 1\ncodeTables:\n  unitsOfMeasure:\n    PCS: ''\n", 4, "codeTables.unitsOfMeasure.PCS", "must not be blank")]
    public void a_mistake_is_refused_at_load_naming_the_file_the_line_and_the_key(string yaml, int line, string key, string problem)
    {
        var error = Refused(yaml);

        Assert.Equal(("estate.yaml", line, key), (error.File, (int)error.Line, error.Key));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"estate.yaml:{line}: '{key}': ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void a_file_that_is_not_yaml_is_refused_at_its_line()
    {
        var error = Refused("mapping: 1\ncodeTables:\n  lifecycle: EOL: end-of-line\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_file_that_cannot_be_read_is_refused_naming_it()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"no-such-mapping-{Guid.NewGuid():N}.yaml");

        var error = Assert.Throws<MappingFileException>(() => MappingFile.Load(path));

        Assert.Equal(0, error.Line);
        Assert.StartsWith($"{path}: cannot read the mapping file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_null_upgrade_date_turns_the_before_the_upgrade_fallback_off() =>
        Assert.Null(MappingFile.Parse("mapping: 1\nupgradeDate: ~\n", "estate.yaml").BrandUpgradeDate);
}
