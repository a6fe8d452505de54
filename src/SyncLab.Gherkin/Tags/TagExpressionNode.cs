namespace SyncLab.Gherkin.Tags;

/// <summary>A parsed tag expression: a tag, or not/and/or over sub-expressions.</summary>
internal abstract record TagExpressionNode
{
    public abstract bool Evaluate(ISet<string> tags);

    public sealed record Tag(string Name) : TagExpressionNode
    {
        public override bool Evaluate(ISet<string> tags) => tags.Contains(Name);

        public override string ToString() => Name;
    }

    public sealed record Not(TagExpressionNode Operand) : TagExpressionNode
    {
        public override bool Evaluate(ISet<string> tags) => !Operand.Evaluate(tags);

        public override string ToString() => $"not ( {Operand} )";
    }

    public sealed record And(TagExpressionNode Left, TagExpressionNode Right) : TagExpressionNode
    {
        public override bool Evaluate(ISet<string> tags) => Left.Evaluate(tags) && Right.Evaluate(tags);

        public override string ToString() => $"( {Left} and {Right} )";
    }

    public sealed record Or(TagExpressionNode Left, TagExpressionNode Right) : TagExpressionNode
    {
        public override bool Evaluate(ISet<string> tags) => Left.Evaluate(tags) || Right.Evaluate(tags);

        public override string ToString() => $"( {Left} or {Right} )";
    }

    public sealed record Everything : TagExpressionNode
    {
        public override bool Evaluate(ISet<string> tags) => true;

        public override string ToString() => "true";
    }
}
