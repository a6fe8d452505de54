using SyncLab.Staging.Foreign;
using Xunit;

namespace SyncLab.Mirrors.Tests.Foreign;

public sealed class AddressValidationTests
{
    [Fact]
    public void an_address_already_in_standard_form_is_verified_unchanged()
    {
        var result = AddressValidatorStub.Validate(new("233 S WACKER DR", null, "CHICAGO", "IL", "60606", "US"));
        Assert.Equal("verified", result.Status);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void street_words_are_abbreviated_and_the_changed_fields_are_named()
    {
        var result = AddressValidatorStub.Validate(new("233 South Wacker Drive", "Suite 100", "Chicago", "IL", "60606", null));
        Assert.Equal("corrected", result.Status);
        Assert.Equal("233 S WACKER DR", result.Address.AddressLine1);
        Assert.Equal("STE 100", result.Address.AddressLine2);
        Assert.Equal(["address_line1", "address_line2", "city"], result.Changes);
    }

    [Fact]
    public void a_bad_state_or_postal_code_is_unverifiable()
    {
        Assert.Equal("unverifiable", AddressValidatorStub.Validate(new("1 MAIN ST", null, "X", "Illinois", "60606", "US")).Status);
        Assert.Equal("unverifiable", AddressValidatorStub.Validate(new("1 MAIN ST", null, "X", "IL", "6060", "US")).Status);
    }
}
