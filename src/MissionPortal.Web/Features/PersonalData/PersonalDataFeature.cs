using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.PersonalData;

/// <summary>A person's own data (152-ФЗ): a copy to download, erasure on request, and anonymisation after the retention period.</summary>
public sealed class PersonalDataFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddOptions<PersonalDataOptions>().BindConfiguration(PersonalDataOptions.Section)
            .Validate(o => o.RetentionDays >= 0, "PersonalData:RetentionDays must be zero or a positive number of days after a mission's end")
            .Validate(o => o.RetentionCheckMinutes > 0, "PersonalData:RetentionCheckMinutes must be a positive number of minutes")
            .ValidateOnStart();
        services.AddScoped<PersonalDataQueries>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<Erasure>();
        services.AddScoped<RequestErasure.Handler>();
        services.AddScoped<EraseParticipant.Handler>();
        services.AddScoped<EraseUser.Handler>();
        services.AddSingleton<PersonalDataRetention>();
        services.AddHostedService(s => s.GetRequiredService<PersonalDataRetention>());
    }
}

/// <summary>Bound from the "PersonalData" section.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>How many days after a mission's last day its participants' personal data is kept; then it is anonymised.</summary>
    public int RetentionDays { get; set; } = 1095;

    /// <summary>How often the portal looks for missions whose retention period is over.</summary>
    public double RetentionCheckMinutes { get; set; } = 60;
}
