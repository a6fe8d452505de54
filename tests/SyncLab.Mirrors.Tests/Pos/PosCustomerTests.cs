using SyncLab.Mirrors.Pos.Store;
using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

public sealed class PosCustomerTests(PosMirrorFixture mirror) : IClassFixture<PosMirrorFixture>
{
    [Fact]
    public async Task the_customer_directory_holds_every_estate_customer_with_its_erp_number_as_reference()
    {
        var seen = new List<string>();
        string? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var reply = await mirror.Square.GetJsonAsync("/v2/customers?limit=7&count=true" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(200, reply.Status);
            Assert.Equal(mirror.Estate.Customers.Count, (int)reply.Json!["count"]!);
            seen.AddRange(reply.Json["customers"]!.AsArray().Select(c => (string)c!["reference_id"]!));
            cursor = (string?)reply.Json["cursor"];
            if (cursor is null)
            {
                break;
            }
        }

        Assert.Equal(mirror.Estate.Customers.Select(c => c.Number).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task a_customer_is_retrieved_by_id_with_marketing_consent_as_email_preference()
    {
        var customer = mirror.Estate.Customers[0];

        var reply = await mirror.Square.GetJsonAsync("/v2/customers/" + SquareIds.Customer(customer.Number));

        Assert.Equal(200, reply.Status);
        Assert.Equal(customer.Email, (string)reply.Json!["customer"]!["email_address"]!);
        Assert.Equal(!customer.AcceptsMarketing, (bool)reply.Json["customer"]!["preferences"]!["email_unsubscribed"]!);
        Assert.Empty(OpenApiShape.Square.Violations(reply.Body, OpenApiShape.Square.ResponseSchema("/v2/customers/{customer_id}", "get")));
    }

    [Fact]
    public async Task customer_lists_conform()
    {
        var reply = await mirror.Square.GetJsonAsync("/v2/customers?sort_field=CREATED_AT&sort_order=DESC&limit=3&count=true");

        Assert.Equal(200, reply.Status);
        Assert.Empty(OpenApiShape.Square.Violations(reply.Body, OpenApiShape.Square.ResponseSchema("/v2/customers", "get")));
    }

    [Theory]
    [InlineData("limit=0", "VALUE_TOO_LOW")]
    [InlineData("limit=101", "VALUE_TOO_HIGH")]
    [InlineData("limit=ten", "EXPECTED_INTEGER")]
    [InlineData("sort_field=AGE", "INVALID_ENUM_VALUE")]
    public async Task bad_list_parameters_are_a_400(string parameters, string code)
    {
        var reply = await mirror.Square.GetJsonAsync("/v2/customers?" + parameters);

        Assert.Equal(400, reply.Status);
        Assert.Equal(code, (string)reply.Json!["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task an_unknown_customer_is_a_404()
    {
        var reply = await mirror.Square.GetJsonAsync("/v2/customers/NOBODY");

        Assert.Equal(404, reply.Status);
        Assert.Equal("NOT_FOUND", (string)reply.Json!["errors"]![0]!["code"]!);
    }
}
