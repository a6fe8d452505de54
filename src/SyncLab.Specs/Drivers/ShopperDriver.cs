using Microsoft.Playwright;

namespace SyncLab.Specs.Drivers;

/// <summary>What a shopper sees on the storefront's product page, in a real browser.</summary>
public sealed record ShopperProductPage(bool Found, string Price, string? CompareAtPrice, string StockMessage, bool CanAddToCart);

/// <summary>A shopper with a browser of their own (a fresh context of the shared Chromium), looking at the storefront.</summary>
public sealed class ShopperDriver(StagingConnection staging) : IAsyncDisposable
{
    private IBrowserContext? _context;

    public async Task<ShopperProductPage> ProductPageAsync(string handle)
    {
        _context ??= await (await SharedBrowser.GetAsync()).NewContextAsync(new BrowserNewContextOptions { BaseURL = staging.Storefront.ToString() });
        var page = await _context.NewPageAsync();
        try
        {
            var response = await page.GotoAsync($"/products/{Uri.EscapeDataString(handle)}");
            if (response is { Status: 404 })
            {
                return new ShopperProductPage(false, string.Empty, null, string.Empty, false);
            }
            var compareAt = page.GetByTestId("compare-at-price");
            return new ShopperProductPage(
                true,
                await page.GetByTestId("price").InnerTextAsync(),
                await compareAt.CountAsync() > 0 && await compareAt.IsVisibleAsync() ? await compareAt.InnerTextAsync() : null,
                await page.GetByTestId("stock-message").InnerTextAsync(),
                await page.GetByTestId("add-to-cart").IsEnabledAsync());
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}
