namespace SyncLab.Engine.Connectors.BusinessCentral;

/// <summary>Customer cards found and keyed by number: the walk-in cash customer the stores' sales are booked to.</summary>
public sealed partial class BusinessCentralClient
{
    public async Task<BcCustomer?> CustomerByNumberAsync(string number, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        var page = await GetAsync<ODataPage<BcCustomer>>(Api(company, "customers", $"number eq '{Quote(number)}'"), ct);
        return page.Value.FirstOrDefault();
    }

    /// <summary>A customer card with a number of the engine's choosing (not the customer series'), e.g. <c>POS-CASH</c>.</summary>
    public async Task<BcCustomer> CreateNumberedCustomerAsync(string number, string displayName, CancellationToken ct)
    {
        var company = await CompanyIdAsync(ct);
        return await SendAsync<BcCustomer>(
            HttpMethod.Post, new Uri(options.ErpBaseUrl, $"api/v2.0/companies({company})/customers"), new { number, displayName, type = "Company" }, ct);
    }
}
