using MissionPortal.Web.Features.Shared;
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
