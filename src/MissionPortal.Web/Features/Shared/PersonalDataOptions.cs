namespace MissionPortal.Web.Features.Shared;

/// <summary>Bound from the "PersonalData" section.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>How many days after a mission's last day its participants' personal data is kept; then it is anonymised.</summary>
    public int RetentionDays { get; set; } = 1095;

    /// <summary>How often the portal looks for missions whose retention period is over.</summary>
    public double RetentionCheckMinutes { get; set; } = 60;
}
