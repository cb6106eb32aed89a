namespace MissionPortal.Core.Domain.Identity;

/// <summary>Why the portal may hold a person's data (152-ФЗ, art. 6 and 9): recorded for every person the agency adds or imports.</summary>
public enum PersonalDataBasis
{
    /// <summary>The person agreed themselves, when they signed up on the portal.</summary>
    OwnConsentAtSignUp = 1,

    /// <summary>The sending side (a region's government, an organisation) collected the person's consent and vouches for it.</summary>
    ConsentCollectedBySender = 2,

    /// <summary>The person signed a consent in person (on paper), kept by the agency.</summary>
    ConsentInPerson = 3,
}

/// <summary>What an anonymised person is called, wherever their name was.</summary>
public static class Anonymised
{
    public const string Surname = "Участник удалён";

    public const string Blank = "—";

    public const string UserName = "Пользователь удалён";
}
