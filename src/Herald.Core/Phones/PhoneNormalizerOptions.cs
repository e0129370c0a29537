namespace Herald.Core.Phones;

/// <summary>How national phone numbers are read (R7), bound from <c>Herald:Phones</c> (a tenant may set its own).</summary>
public sealed class PhoneNormalizerOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Herald:Phones";

    /// <summary>
    /// Digits of the country code assumed for numbers written without one (<c>49</c>, <c>7</c>…) [none: such numbers
    /// are rejected].
    /// </summary>
    public string? DefaultCountryCode { get; set; }

    /// <summary>
    /// The national trunk prefix dropped before the country code is added [<c>0</c>; <c>8</c> in Russia and Kazakhstan].
    /// </summary>
    public string TrunkPrefix { get; set; } = "0";
}
