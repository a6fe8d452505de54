using GraphQL.Types;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Customers;
using SyncLab.Mirrors.Storefront.Inventory;
using SyncLab.Mirrors.Storefront.Orders;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.GraphApi;

/// <summary>The write side of the Admin API subset; each mutation lives with its use case.</summary>
public sealed class MutationRoot : ObjectGraphType
{
    public MutationRoot()
    {
        Name = "Mutation";
        UpdateVariants.AddTo(this);
        UpdateProduct.AddTo(this);
        SetProduct.AddTo(this);
        SetQuantities.AddTo(this);
        AdjustQuantities.AddTo(this);
        SubscriptionCreate.AddTo(this);
        CreateFulfillment.AddTo(this);
        CancelOrder.AddTo(this);
        CreateRefund.AddTo(this);
        UpdateCustomer.AddTo(this);
        UpdateEmailMarketingConsent.AddTo(this);
    }
}
