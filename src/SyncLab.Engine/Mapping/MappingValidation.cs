using YamlDotNet.RepresentationModel;

namespace SyncLab.Engine.Mapping;

/// <summary>One entry of the <c>validation</c> section: a field and its checks, each fitting the field's kind.</summary>
internal static class MappingValidation
{
    public static ValidationRule Read(YamlReader read, YamlNode node, string path)
    {
        var keys = read.Keys(node, path, "field", "required", "pattern", "minLength", "maxLength", "min", "max", "message");
        if (!keys.TryGetValue("field", out var fieldNode))
        {
            throw read.Error(node, $"{path}.field", "missing: which field the rule checks");
        }
        var field = read.Text(fieldNode.Value, $"{path}.field");
        var isNumber = ValidationRule.NumberFields.Contains(field, StringComparer.Ordinal);
        if (!isNumber && !ValidationRule.TextFields.Contains(field, StringComparer.Ordinal))
        {
            throw read.Error(fieldNode.Value, $"{path}.field",
                $"unknown field '{field}' (expected one of: {string.Join(", ", ValidationRule.TextFields.Concat(ValidationRule.NumberFields))})");
        }
        foreach (var (check, (key, _)) in keys)
        {
            var forText = check is "required" or "pattern" or "minLength" or "maxLength";
            if ((forText && isNumber) || (check is "min" or "max" && !isNumber))
            {
                throw read.Error(key, $"{path}.{check}", $"'{check}' does not apply to the {(isNumber ? "number" : "text")} field '{field}'");
            }
        }
        int? Length(string check) => keys.TryGetValue(check, out var n) ? read.Int(n.Value, $"{path}.{check}", min: 0) : null;
        decimal? Bound(string check) => keys.TryGetValue(check, out var n) ? read.Decimal(n.Value, $"{path}.{check}") : null;
        var rule = new ValidationRule(field, keys.TryGetValue("message", out var message) ? read.NonBlank(message.Value, $"{path}.message").Trim() : null)
        {
            Required = keys.TryGetValue("required", out var required) && read.Bool(required.Value, $"{path}.required"),
            Pattern = keys.TryGetValue("pattern", out var pattern) ? MappingFile.Pattern(read, pattern.Value, $"{path}.pattern") : null,
            MinLength = Length("minLength"),
            MaxLength = Length("maxLength"),
            Min = Bound("min"),
            Max = Bound("max"),
        };
        if (rule is { Required: false, Pattern: null, MinLength: null, MaxLength: null, Min: null, Max: null })
        {
            throw read.Error(node, path, "checks nothing (give required, pattern, minLength, maxLength, min or max)");
        }
        if (rule.MinLength > rule.MaxLength || rule.Min > rule.Max)
        {
            throw read.Error(node, path, "its lower bound is above its upper bound");
        }
        return rule;
    }
}
