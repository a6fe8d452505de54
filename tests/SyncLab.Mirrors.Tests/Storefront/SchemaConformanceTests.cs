using System.IO.Compression;
using System.Text.Json;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using SyncLab.Mirrors.Storefront.GraphApi;
using Xunit;
using SyncLab.Mirrors.Tests.Conformance;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>
/// Everything the mirror's schema exposes must exist in Shopify's 2025-01 Admin schema with the same
/// kind, type, nullability and list-ness, so that a client generated from Shopify's schema works here.
/// </summary>
public sealed class SchemaConformanceTests
{
    private static readonly HashSet<string> BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];

    [Fact]
    public void every_type_field_and_argument_the_mirror_exposes_exists_in_shopify_2025_01_with_a_compatible_type()
    {
        var shopify = ShopifySchema.Load();
        var schema = new AdminSchema();
        schema.Initialize();
        var problems = new List<string>();
        var checkedFields = 0;

        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && !BuiltInScalars.Contains(t.Name)))
        {
            if (!shopify.Types.TryGetValue(type.Name, out var theirs))
            {
                problems.Add($"type {type.Name} is not in Shopify's schema");
                continue;
            }
            var kind = Kind(type);
            if (theirs.GetProperty("kind").GetString() != kind)
            {
                problems.Add($"type {type.Name} is {kind} here but {theirs.GetProperty("kind").GetString()} at Shopify");
                continue;
            }
            switch (type)
            {
                case IInputObjectGraphType input:
                    var inputFields = Named(theirs, "inputFields");
                    // A field Shopify requires must be accepted here too, or a valid Shopify input would be refused.
                    problems.AddRange(inputFields.Values
                        .Where(f => Required(f) && input.GetField(f.GetProperty("name").GetString()!) is null)
                        .Select(f => $"input field {type.Name}.{f.GetProperty("name").GetString()} is required at Shopify but missing here"));
                    foreach (var field in input.Fields)
                    {
                        checkedFields++;
                        if (!inputFields.TryGetValue(field.Name, out var theirField))
                        {
                            problems.Add($"input field {type.Name}.{field.Name} is not in Shopify's schema");
                        }
                        else if (Print(field.ResolvedType!) != ShopifySchema.Print(theirField.GetProperty("type")))
                        {
                            problems.Add($"input field {type.Name}.{field.Name} is {Print(field.ResolvedType!)} here but {ShopifySchema.Print(theirField.GetProperty("type"))} at Shopify");
                        }
                    }
                    break;
                case IComplexGraphType complex:
                    var fields = Named(theirs, "fields");
                    foreach (var field in complex.Fields)
                    {
                        checkedFields++;
                        if (!fields.TryGetValue(field.Name, out var theirField))
                        {
                            problems.Add($"field {type.Name}.{field.Name} is not in Shopify's schema");
                            continue;
                        }
                        if (Print(field.ResolvedType!) != ShopifySchema.Print(theirField.GetProperty("type")))
                        {
                            problems.Add($"field {type.Name}.{field.Name} is {Print(field.ResolvedType!)} here but {ShopifySchema.Print(theirField.GetProperty("type"))} at Shopify");
                        }
                        var args = Named(theirField, "args");
                        problems.AddRange(args.Values
                            .Where(a => Required(a) && field.Arguments?.Find(a.GetProperty("name").GetString()!) is null)
                            .Select(a => $"argument {type.Name}.{field.Name}({a.GetProperty("name").GetString()}) is required at Shopify but missing here"));
                        foreach (var argument in field.Arguments ?? [])
                        {
                            if (args.TryGetValue(argument.Name, out var theirArg))
                            {
                                if (Print(argument.ResolvedType!) != ShopifySchema.Print(theirArg.GetProperty("type")))
                                {
                                    problems.Add($"argument {type.Name}.{field.Name}({argument.Name}) is {Print(argument.ResolvedType!)} here but {ShopifySchema.Print(theirArg.GetProperty("type"))} at Shopify");
                                }
                            }
                            else if (!shopify.IsDeprecatedArgument(type.Name, field.Name, argument.Name, Print(argument.ResolvedType!)))
                            {
                                problems.Add($"argument {type.Name}.{field.Name}({argument.Name}) is not in Shopify's schema");
                            }
                        }
                    }
                    break;
                case EnumerationGraphType enumeration:
                    var values = theirs.GetProperty("enumValues").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToHashSet();
                    problems.AddRange(enumeration.Values.Where(v => !values.Contains(v.Name)).Select(v => $"enum value {type.Name}.{v.Name} is not in Shopify's schema"));
                    break;
                case UnionGraphType union:
                    var possible = theirs.GetProperty("possibleTypes").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToHashSet();
                    problems.AddRange(union.PossibleTypes.Where(p => !possible.Contains(p.Name)).Select(p => $"union member {type.Name}.{p.Name} is not in Shopify's schema"));
                    break;
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(checkedFields > 500, $"only {checkedFields} fields were checked");
    }

    [Fact]
    public void the_order_fulfillment_refund_and_customer_surface_is_part_of_the_walk()
    {
        var schema = new AdminSchema();
        schema.Initialize();
        string[] types =
        [
            "Order", "OrderConnection", "LineItem", "MoneyBag", "MoneyV2", "TaxLine", "ShippingLine", "MailingAddress", "Customer",
            "CustomerEmailMarketingConsentState", "FulfillmentOrder", "FulfillmentOrderLineItem", "Fulfillment", "FulfillmentTrackingInfo",
            "FulfillmentLineItem", "Refund", "RefundLineItem", "OrderTransaction", "Job", "FulfillmentInput", "FulfillmentTrackingInput",
            "RefundInput", "RefundLineItemInput", "OrderTransactionInput", "OrderCancelPayload", "OrderCancelUserError", "RefundCreatePayload",
            "FulfillmentCreatePayload", "CustomerInput", "CustomerUpdatePayload", "CustomerEmailMarketingConsentUpdatePayload", "Decimal", "UnsignedInt64",
            "OrderDisplayFinancialStatus", "OrderDisplayFulfillmentStatus", "OrderCancelReason", "RefundLineItemRestockType", "CurrencyCode", "CountryCode",
        ];

        var missing = types.Where(t => schema.AllTypes[t] is null)
            .Concat(new[] { "orders", "order", "fulfillmentOrder", "job", "customers", "customer" }.Where(f => schema.Query.GetField(f) is null))
            .Concat(new[] { "fulfillmentCreate", "orderCancel", "refundCreate", "customerUpdate", "customerEmailMarketingConsentUpdate" }
                .Where(f => schema.Mutation!.GetField(f) is null))
            .ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
        // 2025-01's orderCancel: every argument, with Shopify's nullability (refund and restock required, reason an enum).
        var cancel = schema.Mutation!.GetField("orderCancel")!;
        Assert.Equal(
            ["orderId:ID!", "refund:Boolean!", "restock:Boolean!", "reason:OrderCancelReason!", "notifyCustomer:Boolean", "staffNote:String"],
            cancel.Arguments!.Select(a => $"{a.Name}:{Print(a.ResolvedType!)}"));
    }

    private static bool Required(JsonElement inputValue) =>
        inputValue.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL"
        && (!inputValue.TryGetProperty("defaultValue", out var d) || d.ValueKind == JsonValueKind.Null);

    private static string Kind(IGraphType type) => type switch
    {
        IInputObjectGraphType => "INPUT_OBJECT",
        EnumerationGraphType => "ENUM",
        ScalarGraphType => "SCALAR",
        UnionGraphType => "UNION",
        IInterfaceGraphType => "INTERFACE",
        IObjectGraphType => "OBJECT",
        _ => type.GetType().Name,
    };

    private static string Print(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + Print(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    private static Dictionary<string, JsonElement> Named(JsonElement element, string property) =>
        element.TryGetProperty(property, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!)
            : [];

    private sealed class ShopifySchema
    {
        private static readonly Lazy<ShopifySchema> Instance = new(Read);
        private readonly Lazy<GraphQLDocument> _sdl = new(() => Parser.Parse(File.ReadAllText(VendorSpecs.Shopify("admin_schema.graphql"))));

        private ShopifySchema(Dictionary<string, JsonElement> types) => Types = types;

        public Dictionary<string, JsonElement> Types { get; }

        public static ShopifySchema Load() => Instance.Value;

        /// <summary>
        /// The 2025-01 introspection dump lists no deprecated arguments (it was taken without
        /// includeDeprecated), so those are checked in the SDL instead: the argument must be there, deprecated, with the same type.
        /// </summary>
        public bool IsDeprecatedArgument(string typeName, string fieldName, string argumentName, string printedType)
        {
            var definition = _sdl.Value.Definitions.OfType<GraphQLObjectTypeDefinition>().FirstOrDefault(d => d.Name.StringValue == typeName);
            var field = definition?.Fields?.Items.FirstOrDefault(f => f.Name.StringValue == fieldName);
            var argument = field?.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == argumentName);
            return argument is not null
                && argument.Directives?.Items.Any(d => d.Name.StringValue == "deprecated") == true
                && Print(argument.Type) == printedType;
        }

        public static string Print(JsonElement type) => type.GetProperty("kind").GetString() switch
        {
            "NON_NULL" => Print(type.GetProperty("ofType")) + "!",
            "LIST" => "[" + Print(type.GetProperty("ofType")) + "]",
            _ => type.GetProperty("name").GetString()!,
        };

        private static string Print(GraphQLType type) => type switch
        {
            GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
            GraphQLListType list => "[" + Print(list.Type) + "]",
            GraphQLNamedType named => named.Name.StringValue,
            _ => type.ToString()!,
        };

        private static ShopifySchema Read()
        {
            using var file = File.OpenRead(VendorSpecs.Shopify("admin_schema_2025-01.json.gz"));
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var json = JsonDocument.Parse(gzip);
            var root = json.RootElement.TryGetProperty("data", out var data) ? data : json.RootElement;
            var types = root.GetProperty("__schema").GetProperty("types").EnumerateArray()
                .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.Clone());
            return new ShopifySchema(types);
        }
    }
}
