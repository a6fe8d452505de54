using Xunit;

namespace SyncLab.Gherkin.Tests;

public sealed class TagExpressionFacts
{
    [Theory]
    [InlineData("", "@a", true)]
    [InlineData("@a", "@a @b", true)]
    [InlineData("@a", "@b", false)]
    [InlineData("@a and not @b", "@a", true)]
    [InlineData("@a and not @b", "@a @b", false)]
    [InlineData("@a or @b", "@b", true)]
    [InlineData("@a or @b", "@c", false)]
    [InlineData("@a or @b and @c", "@a", true)]
    [InlineData("(@a or @b) and @c", "@a", false)]
    [InlineData("(@a or @b) and @c", "@b @c", true)]
    [InlineData("not @a or @b", "@a @b", true)]
    [InlineData("not (@a or @b)", "@b", false)]
    [InlineData("@Orders", "@orders", true)]
    [InlineData("smoke", "@smoke", true)]
    [InlineData("@a\\(1\\)", "@a(1)", true)]
    public void Matches_like_cucumber(string expression, string tags, bool expected) =>
        Assert.Equal(expected, TagExpression.Parse(expression).Matches(tags.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Theory]
    [InlineData("@a and")]
    [InlineData("and @a")]
    [InlineData("(@a or @b")]
    [InlineData("@a or @b)")]
    [InlineData("@a @b")]
    [InlineData("not")]
    public void Rejects_invalid_expressions_with_a_reason(string expression)
    {
        var error = Assert.Throws<FormatException>(() => TagExpression.Parse(expression));
        Assert.Contains(expression, error.Message);
    }
}
