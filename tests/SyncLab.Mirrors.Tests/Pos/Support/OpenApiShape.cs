using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace SyncLab.Mirrors.Tests.Conformance;

/// <summary>
/// A pragmatic conformance check of a mirror's JSON against the vendor's published OpenAPI: every property
/// the answer contains exists in the schema (resolving <c>$ref</c> and <c>allOf</c>), with a compatible JSON
/// type and, where the schema lists them, an allowed enum value; required properties are present.
/// Used by the POS (Square) and warehouse (ShipStation) mirror tests.
/// </summary>
public sealed class OpenApiShape
{
    public const string SpecsVariable = VendorSpecs.Variable;

    private static readonly Lazy<OpenApiShape> SquareSpec = new(() => new OpenApiShape(Load(Path.Combine("square", "api.json"))));
    private static readonly Lazy<OpenApiShape> ShipStationSpec = new(() => new OpenApiShape(Load(Path.Combine("shipstation", "openapi.yaml"))));

    private readonly JsonNode _root;

    private OpenApiShape(JsonNode root) => _root = root;

    public static OpenApiShape Square => SquareSpec.Value;

    public static OpenApiShape ShipStation => ShipStationSpec.Value;

    /// <summary>The vendor specs folder (see <see cref="VendorSpecs"/>).</summary>
    public static string SpecsFolder() => VendorSpecs.Folder();

    /// <summary>The response schema of an operation, e.g. ("/v2/locations", "get", "200").</summary>
    public JsonNode ResponseSchema(string path, string method, string status = "200") =>
        _root["paths"]?[path]?[method]?["responses"]?[status]?["content"]?["application/json"]?["schema"]
        ?? throw new InvalidOperationException($"The spec has no JSON {status} response for {method.ToUpperInvariant()} {path}.");

    public JsonNode Schema(string name) =>
        _root["components"]?["schemas"]?[name] ?? throw new InvalidOperationException($"The spec has no schema '{name}'.");

    /// <summary>Everything in <paramref name="json"/> that the schema does not allow; empty when it conforms.</summary>
    public IReadOnlyList<string> Violations(string json, JsonNode schema)
    {
        var problems = new List<string>();
        Check(JsonNode.Parse(json), schema, "$", problems);
        return problems;
    }

    private void Check(JsonNode? value, JsonNode schema, string at, List<string> problems)
    {
        var s = Flatten(schema);
        if (value is null)
        {
            if (!s.Nullable && s.Types.Count > 0 && !s.Types.Contains("null"))
            {
                problems.Add($"{at}: null where the schema does not allow it");
            }
            return;
        }
        var kind = Kind(value);
        if (s.Types.Count > 0 && !s.Types.Contains(kind) && !(kind == "integer" && s.Types.Contains("number")))
        {
            problems.Add($"{at}: {kind} where the schema wants {string.Join("|", s.Types)}");
            return;
        }
        if (s.Enum is { Count: > 0 } allowed && value is JsonValue && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            problems.Add($"{at}: '{value.ToJsonString()}' is not one of the schema's enum values");
        }
        switch (value)
        {
            case JsonObject obj:
                foreach (var required in s.Required)
                {
                    if (!obj.ContainsKey(required))
                    {
                        problems.Add($"{at}: required property '{required}' is missing");
                    }
                }
                foreach (var (name, child) in obj)
                {
                    if (s.Properties.TryGetValue(name, out var childSchema))
                    {
                        Check(child, childSchema, $"{at}.{name}", problems);
                    }
                    else if (s.Properties.Count > 0 || s.ClosedObject)
                    {
                        problems.Add($"{at}: property '{name}' is not in the schema");
                    }
                }
                break;
            case JsonArray array when s.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], items, $"{at}[{i}]", problems);
                }
                break;
        }
    }

    /// <summary>One schema with <c>$ref</c> resolved and <c>allOf</c> merged.</summary>
    private sealed class Flat
    {
        public List<string> Types { get; } = [];

        public bool Nullable { get; set; }

        public List<JsonNode?>? Enum { get; set; }

        public Dictionary<string, JsonNode> Properties { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

        public JsonNode? Items { get; set; }

        /// <summary>additionalProperties: false without listed properties: nothing may appear.</summary>
        public bool ClosedObject { get; set; }

        public void AddType(string type)
        {
            if (!Types.Contains(type))
            {
                Types.Add(type);
            }
        }
    }

    private Flat Flatten(JsonNode schema)
    {
        var flat = new Flat();
        Merge(Resolve(schema), flat, 0);
        return flat;
    }

    private void Merge(JsonNode schema, Flat flat, int depth)
    {
        if (depth > 20)
        {
            return;
        }
        switch (schema["type"])
        {
            case JsonValue one:
                flat.AddType(one.GetValue<string>());
                break;
            case JsonArray many:
                foreach (var t in many)
                {
                    flat.AddType(t!.GetValue<string>());
                }
                break;
        }
        if ((schema["nullable"] ?? schema["x-nullable"]) is JsonValue nullable && nullable.GetValueKind() == JsonValueKind.True)
        {
            flat.Nullable = true;
        }
        if (schema["enum"] is JsonArray values)
        {
            flat.Enum = values.Select(v => v?.DeepClone()).ToList();
        }
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                flat.Properties[name] = child!;
            }
        }
        if (schema["additionalProperties"] is JsonValue additional && additional.GetValueKind() == JsonValueKind.False)
        {
            flat.ClosedObject = true;
        }
        if (schema["required"] is JsonArray required)
        {
            foreach (var r in required)
            {
                flat.Required.Add(r!.GetValue<string>());
            }
        }
        if (schema["items"] is { } items)
        {
            flat.Items = items;
        }
        foreach (var part in (schema["allOf"] as JsonArray ?? []).OfType<JsonNode>())
        {
            Merge(Resolve(part), flat, depth + 1);
        }
    }

    private JsonNode Resolve(JsonNode schema)
    {
        for (var hops = 0; schema["$ref"] is JsonValue reference && hops < 20; hops++)
        {
            var path = reference.GetValue<string>();
            if (!path.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"External $ref '{path}' is not supported.");
            }
            JsonNode? target = _root;
            foreach (var segment in path[2..].Split('/'))
            {
                target = target?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
            schema = target ?? throw new InvalidOperationException($"$ref '{path}' does not resolve.");
        }
        return schema;
    }

    private static string Kind(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.ToJsonString().Contains('.', StringComparison.Ordinal) || value.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase) ? "number" : "integer",
        _ => "null",
    };

    private static JsonNode Load(string relative)
    {
        var file = Path.Combine(SpecsFolder(), relative);
        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            using var stream = File.OpenRead(file);
            return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"{file} is empty.");
        }
        using var reader = new StreamReader(file);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return ToJson(yaml.Documents[0].RootNode) ?? throw new InvalidOperationException($"{file} is empty.");
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => Plain(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static JsonNode? Plain(string? text) => text switch
    {
        null or "null" or "~" or "" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
        _ => JsonValue.Create(text),
    };
}
