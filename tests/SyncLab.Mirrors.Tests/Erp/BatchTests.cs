using System.Net;
using System.Text;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class BatchTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_json_batch_runs_each_operation_and_answers_in_order()
    {
        var item = (await erp.GetJsonAsync($"{erp.Company}/items?$top=1")).GetProperty("value")[0];
        var id = item.GetProperty("id").GetGuid();
        var json = $$$"""
        {"requests": [
          {"id": "1", "method": "GET", "url": "companies({{{erp.CompanyId}}})/items({{{id}}})"},
          {"id": "2", "method": "PATCH", "url": "companies({{{erp.CompanyId}}})/items({{{id}}})", "headers": {"Content-Type": "application/json", "If-Match": "*"}, "body": {"displayName": "Batched"}},
          {"id": "3", "method": "GET", "url": "companies({{{erp.CompanyId}}})/items({{{Guid.Empty}}})"},
          {"id": "4", "method": "GET", "url": "/api/v2.0/companies({{{erp.CompanyId}}})/items?$top=2&$select=number"}
        ]}
        """;

        using var response = await erp.Http.PostAsync("/api/v2.0/$batch", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var responses = (await ErpMirrorFixture.ReadAsync(response)).GetProperty("responses").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3", "4"], responses.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal([200, 200, 404, 200], responses.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("Batched", responses[1].GetProperty("body").GetProperty("displayName").GetString());
        Assert.Equal("BadRequest_NotFound", responses[2].GetProperty("body").GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(2, responses[3].GetProperty("body").GetProperty("value").GetArrayLength());
        Assert.Equal("Batched", (await erp.GetJsonAsync($"{erp.Company}/items({id})")).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task a_batch_of_more_than_100_operations_is_refused()
    {
        var operations = string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"id":"{{i}}","method":"GET","url":"companies"}"""));

        using var response = await erp.Http.PostAsync("/api/v2.0/$batch", new StringContent($$"""{"requests":[{{operations}}]}""", Encoding.UTF8, "application/json"));

        await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.BadRequest);
    }
}
