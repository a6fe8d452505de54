namespace SyncLab.Mirrors.Erp.Storage;

/// <summary>Every table has a dense insertion number: the last tie-breaker of key-set paging.</summary>
internal interface ISequenced
{
    long Seq { get; }
}

/// <summary>An item card (table 27) with the fields the API pages show.</summary>
internal sealed class ItemRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    /// <summary>"No." exactly as the office keyed it: trailing spaces and lower case survive.</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>Trimmed upper-case number, for the tolerant look-ups of the office actions.</summary>
    public string NumberKey { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string DisplayName2 { get; set; } = string.Empty;

    public string Type { get; set; } = "Inventory";

    public Guid ItemCategoryId { get; set; }

    public string ItemCategoryCode { get; set; } = string.Empty;

    public bool Blocked { get; set; }

    public string Gtin { get; set; } = string.Empty;

    public decimal Inventory { get; set; }

    public decimal UnitPrice { get; set; }

    public bool PriceIncludesTax { get; set; }

    public decimal UnitCost { get; set; }

    public Guid TaxGroupId { get; set; }

    public string TaxGroupCode { get; set; } = string.Empty;

    public Guid BaseUnitOfMeasureId { get; set; }

    public string BaseUnitOfMeasureCode { get; set; } = string.Empty;

    public Guid GeneralProductPostingGroupId { get; set; }

    public string GeneralProductPostingGroupCode { get; set; } = string.Empty;

    public Guid InventoryPostingGroupId { get; set; }

    public string InventoryPostingGroupCode { get; set; } = string.Empty;

    /// <summary>Table extension field of the commerce connector: shown only by the custom webItems page.</summary>
    public bool WebEnabled { get; set; }

    /// <summary>Field added by the upgrade; older items still carry the brand in <see cref="DisplayName2"/>.</summary>
    public string Brand { get; set; } = string.Empty;

    /// <summary>When the card was created (BC's system field SystemCreatedAt): tells items from before the upgrade.</summary>
    public DateTimeOffset SystemCreatedAt { get; set; }

    /// <summary>Commerce connector field: the office's life-cycle code (blank, DISC, EOL, or shorthand the mapping knows).</summary>
    public string LifecycleCode { get; set; } = string.Empty;

    /// <summary>Commerce connector field: when stock is expected back; 0001-01-01 is BC's blank date.</summary>
    public DateOnly RestockDate { get; set; }

    /// <summary>Commerce connector field: the web may take orders while the item is out of stock (backorder or pre-order).</summary>
    public bool AllowBackorder { get; set; }

    /// <summary>Commerce connector field: stock at or below which the web flags the item as low; 0 uses the category's.</summary>
    public int LowStockThreshold { get; set; }

    /// <summary>Commerce connector field: the first day of the item's selling season; 0001-01-01 (blank) means no season.</summary>
    public DateOnly SeasonStartDate { get; set; }

    /// <summary>Commerce connector field: the last day of the item's selling season; blank means the season has no end.</summary>
    public DateOnly SeasonEndDate { get; set; }

    public DateTimeOffset LastModifiedDateTime { get; set; }

    /// <summary>Row version behind the ETag; taken from one counter for the whole company, like SQL's rowversion.</summary>
    public long Version { get; set; }
}

internal sealed class LocationRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    public string Code { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public DateTimeOffset LastModifiedDateTime { get; set; }
}

/// <summary>A customer card (table 18), with the commerce connector's table-extension fields.</summary>
internal sealed class CustomerRecord : ISequenced
{
    public Guid Id { get; set; }

    public long Seq { get; set; }

    /// <summary>"No.", a Code[20]: upper case, trimmed.</summary>
    public string Number { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"Contact Type": Person or Company.</summary>
    public string Type { get; set; } = "Person";

    public string AddressLine1 { get; set; } = string.Empty;

    public string AddressLine2 { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string PhoneNumber { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    /// <summary>Upper-case copy of <see cref="Email"/>: filters on email ignore case, as BC's case-insensitive collation does.</summary>
    public string EmailKey { get; set; } = string.Empty;

    public string Website { get; set; } = string.Empty;

    public bool TaxLiable { get; set; }

    public string CurrencyCode { get; set; } = string.Empty;

    /// <summary>BC's "Blocked" option as OData spells it: blank is <c>_x0020_</c>, else Ship, Invoice or All.</summary>
    public string Blocked { get; set; } = "_x0020_";

    /// <summary>"Balance (LCY)", a FlowField in BC: posting changes it without touching lastModifiedDateTime or the ETag.</summary>
    public decimal BalanceDue { get; set; }

    /// <summary>Table extension field of the commerce connector, shown by the custom webCustomers page.</summary>
    public bool MarketingConsent { get; set; }

    /// <summary>"Customer Price Group", shown by the custom webCustomers page.</summary>
    public string PriceGroup { get; set; } = string.Empty;

    public DateTimeOffset LastModifiedDateTime { get; set; }

    /// <summary>Row version behind the ETag, from the company-wide counter.</summary>
    public long Version { get; set; }
}

/// <summary>A posted item ledger entry: the office's stock adjustments, sales shipments and credit memos create them.</summary>
internal sealed class ItemLedgerEntryRecord : ISequenced
{
    public Guid Id { get; set; }

    /// <summary>The entry number; also the insertion order.</summary>
    public long Seq { get; set; }

    public string ItemNumber { get; set; } = string.Empty;

    public Guid ItemId { get; set; }

    public DateOnly PostingDate { get; set; }

    public string EntryType { get; set; } = string.Empty;

    public string DocumentNumber { get; set; } = string.Empty;

    /// <summary>OData spelling of the "Document Type" option: blank (<c>_x0020_</c>) for journal adjustments.</summary>
    public string DocumentType { get; set; } = "_x0020_";

    /// <summary>"Source Type": <c>Customer</c> for sales, blank for adjustments.</summary>
    public string SourceType { get; set; } = "_x0020_";

    public string SourceNumber { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string LocationCode { get; set; } = string.Empty;

    public decimal Quantity { get; set; }

    public decimal CostAmountActual { get; set; }

    public decimal SalesAmountActual { get; set; }

    public DateTimeOffset LastModifiedDateTime { get; set; }
}
