namespace Herald.Core.Templates;

/// <summary>A piece of a parsed template.</summary>
internal abstract record TemplateNode
{
    /// <summary>Literal text.</summary>
    public sealed record Text(string Value) : TemplateNode;

    /// <summary>A <c>{{field}}</c> or <c>{{field|default}}</c> substitution.</summary>
    public sealed record Field(string Name, string? Default, int Position) : TemplateNode;

    /// <summary>A spintax choice <c>{a|b|c}</c>: one option per recipient.</summary>
    public sealed record Choice(IReadOnlyList<IReadOnlyList<TemplateNode>> Options) : TemplateNode;
}
