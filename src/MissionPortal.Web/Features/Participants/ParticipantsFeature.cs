using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Participants;

/// <summary>Delegations and their people.</summary>
public sealed class ParticipantsFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<ParticipantQueries>();
        services.AddScoped<ApplyPerson.Handler>();
        services.AddScoped<AddPerson.Handler>();
        services.AddScoped<DecideParticipation.Handler>();
        services.AddScoped<ImportDelegation.Handler>();
        services.AddScoped<AssignRole.Handler>();
        services.AddScoped<RenameDelegation.Handler>();
        services.AddScoped<PeopleQueries>();
        services.AddScoped<EditPerson.Handler>();
    }
}
