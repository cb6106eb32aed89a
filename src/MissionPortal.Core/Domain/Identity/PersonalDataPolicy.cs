namespace MissionPortal.Core.Domain.Identity;

/// <summary>
/// The portal's personal-data text (152-ФЗ). Its version is stored with every consent, so a changed text is a new
/// version and the consents given to the old one stay as they were.
/// </summary>
public static class PersonalDataPolicy
{
    public const string Version = "2026-12-07";
}
