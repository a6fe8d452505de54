using System.Globalization;
using Reqnroll;
using Xunit;

namespace SyncLab.Gherkin.Tests.Bindings;

[Binding]
public sealed class BasketSteps(Basket basket)
{
    [Given("an empty basket")]
    public void GivenAnEmptyBasket() => Assert.Equal(0, basket.ItemCount);

    [When("I add these items")]
    public void WhenIAddTheseItems(DataTable items)
    {
        foreach (var row in items.Rows)
        {
            basket.Add(
                row["sku"],
                int.Parse(row["quantity"], CultureInfo.InvariantCulture),
                decimal.Parse(row["price"], CultureInfo.InvariantCulture));
        }
    }

    [When("I add {int} of {string} at {decimal}")]
    public void WhenIAdd(int quantity, string sku, decimal price) => basket.Add(sku, quantity, price);

    [When("I attach the note")]
    public void WhenIAttachTheNote(string note) => basket.Note = note;

    [Then("the basket holds {int} items")]
    public void ThenTheBasketHolds(int count) => Assert.Equal(count, basket.ItemCount);

    [Then("the total is {decimal}")]
    public void ThenTheTotalIs(decimal total) => Assert.Equal(total, basket.Total);

    [Then("the note has {int} lines")]
    public void ThenTheNoteHasLines(int lines) => Assert.Equal(lines, basket.Note?.Split('\n').Length);

    // Meant to be pending: the runner facts check that a pending step fails its scenario.
    [When("the step that is still pending runs")]
    public void WhenTheStepThatIsStillPendingRuns() => throw new PendingStepException();
}
