using GraphQL.Types;

namespace SyncLab.Mirrors.Storefront.GraphApi;

/// <summary>
/// The subset of Shopify's Admin GraphQL schema the mirror serves. Type, field and argument names,
/// nullability and list-ness match Shopify's 2025-01 schema (checked by the conformance test).
/// </summary>
public sealed class AdminSchema : Schema
{
    public AdminSchema()
    {
        Query = new QueryRoot();
        Mutation = new MutationRoot();
    }
}
