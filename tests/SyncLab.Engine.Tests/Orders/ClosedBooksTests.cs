using SyncLab.Engine.Connectors;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Tests.Orders;

public sealed class ClosedBooksTests
{
    private static readonly DateOnly NewYearsEve = new(2026, 12, 31);
    private static readonly DateOnly January2 = new(2027, 1, 2);

    private static VendorCallException ClosedFor(DateOnly day) => new(
        "erp", $"HTTP 400 Bad Request: {{\"error\":{{\"code\":\"Application_DialogException\",\"message\":\"Posting Date {day:MM/dd/yy} is not within your range of allowed posting dates.\"}}}}", transient: false);

    [Fact]
    public void a_document_is_offered_on_its_own_day_first_then_on_today()
    {
        Assert.Equal([NewYearsEve, January2], ClosedBooks.PostingDates(NewYearsEve, January2));
        Assert.Equal([January2], ClosedBooks.PostingDates(January2, January2));
        // A document dated ahead of today (a clock the ERP sees differently) is never moved back.
        Assert.Equal([January2], ClosedBooks.PostingDates(January2, NewYearsEve));
    }

    [Fact]
    public void only_the_erps_closed_period_refusal_counts_as_closed_books()
    {
        Assert.True(ClosedBooks.Refused(ClosedFor(NewYearsEve)));
        Assert.False(ClosedBooks.Refused(new VendorCallException("erp", "HTTP 400 Bad Request: Blocked must be equal to 'No'", transient: false)));
        Assert.False(ClosedBooks.Refused(new VendorCallException("erp", "HTTP 503: not within your range of allowed posting dates", transient: true)));
    }

    [Fact]
    public async Task a_closed_day_posts_on_today_when_today_is_open()
    {
        var offered = new List<DateOnly>();
        var (result, date) = await ClosedBooks.PostAsync("order #1001", NewYearsEve, January2, day =>
        {
            offered.Add(day);
            return day == NewYearsEve ? throw ClosedFor(day) : Task.FromResult("SO-2027-0001");
        });
        Assert.Equal("SO-2027-0001", result);
        Assert.Equal(January2, date);
        Assert.Equal([NewYearsEve, January2], offered);
    }

    [Fact]
    public async Task every_day_closed_holds_the_document_and_says_which_days()
    {
        var held = await Assert.ThrowsAsync<HeldException>(() => ClosedBooks.PostAsync<string>("order #1002", NewYearsEve, January2, day => throw ClosedFor(day)));
        Assert.Equal("order #1002: the ERP's books are closed for 2026-12-31 and not open yet for 2027-01-02; held until the office opens the period", held.Message);
    }

    [Fact]
    public async Task another_refusal_is_not_held_but_goes_up_as_it_is()
    {
        var blocked = new VendorCallException("erp", "HTTP 400 Bad Request: Blocked must be equal to 'No'", transient: false);
        var thrown = await Assert.ThrowsAsync<VendorCallException>(() => ClosedBooks.PostAsync<string>("order #1003", NewYearsEve, January2, _ => throw blocked));
        Assert.Same(blocked, thrown);
    }
}
