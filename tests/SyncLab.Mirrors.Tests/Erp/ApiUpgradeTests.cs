using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>An ERP upgrade that renames fields of an API page, and its roll-back.</summary>
public sealed class ApiUpgradeTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task an_upgraded_page_answers_the_new_name_refuses_the_old_one_in_queries_and_is_published_again_after_a_roll_back()
    {
        var number = erp.Unblocked(1).Number;
        var filter = $"{erp.Company}/items?$filter={Uri.EscapeDataString($"number eq '{number}'")}";
        try
        {
            using (var upgraded = await erp.Http.PutAsJsonAsync("/_synclab/erp/api-upgrade", new { entitySet = "items", renames = new Dictionary<string, string> { ["unitPrice"] = "salesUnitPrice" } }))
            {
                Assert.Equal(HttpStatusCode.OK, upgraded.StatusCode);
            }

            var item = (await erp.GetJsonAsync(filter)).GetProperty("value")[0];
            Assert.False(item.TryGetProperty("unitPrice", out _));
            Assert.True(item.GetProperty("salesUnitPrice").GetDecimal() >= 0);
            var one = await erp.GetJsonAsync($"{erp.Company}/items({item.GetProperty("id").GetGuid()})");
            Assert.True(one.TryGetProperty("salesUnitPrice", out _));
            using var oldName = await erp.Http.GetAsync($"{erp.Company}/items?$filter={Uri.EscapeDataString("unitPrice gt 0")}");
            Assert.Equal("BadRequest_NotFound", await ErpMirrorFixture.AssertVendorErrorAsync(oldName, HttpStatusCode.BadRequest));
            // Other pages keep their shape.
            Assert.True((await erp.GetJsonAsync($"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webItems?$top=1")).GetProperty("value")[0].TryGetProperty("webEnabled", out _));
        }
        finally
        {
            using var rolledBack = await erp.Http.DeleteAsync("/_synclab/erp/api-upgrade");
            Assert.Equal(HttpStatusCode.NoContent, rolledBack.StatusCode);
        }
        Assert.True((await erp.GetJsonAsync(filter)).GetProperty("value")[0].TryGetProperty("unitPrice", out _));
    }

    [Theory]
    [InlineData("customers", "email", "mail")]
    [InlineData("items", "nope", "other")]
    [InlineData("items", "unitPrice", "inventory")]
    [InlineData("items", "unitPrice", " ")]
    public async Task an_upgrade_of_an_unknown_page_or_field_or_onto_another_field_is_a_400_problem(string entitySet, string field, string newName)
    {
        using var response = await erp.Http.PutAsJsonAsync("/_synclab/erp/api-upgrade", new { entitySet, renames = new Dictionary<string, string> { [field] = newName } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://synclab.dev/problems/erp-invalid-upgrade", (await ErpMirrorFixture.ReadAsync(response)).GetProperty("type").GetString());
    }
}
