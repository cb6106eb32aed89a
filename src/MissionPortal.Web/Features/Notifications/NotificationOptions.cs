namespace MissionPortal.Web.Features.Notifications;

/// <summary>The notices that a background job raises (section Notifications).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the job looks for missions starting tomorrow and for changed approved programmes; 0 turns it off.</summary>
    public double JobMinutes { get; set; } = 10;

    /// <summary>From this hour of the day before (the host region's clock) the participants get their programme.</summary>
    public int EveHour { get; set; } = 9;

    /// <summary>
    /// Changes to an approved programme are told to the ministry in one notice per burst: once no change came for this
    /// many minutes.
    /// </summary>
    public double ChangeQuietMinutes { get; set; } = 15;

    /// <summary>At most this many changes are listed in one notice; the rest are on the programme's changes page.</summary>
    public int ChangesListed { get; set; } = 20;
}
