using Microsoft.AspNetCore.Mvc;
using MissionPortal.Core.Data;

// Violations planted on purpose, one per rule, in this test assembly: each rule must name them, so a rule that
// silently stopped finding anything fails its test.
namespace MissionPortal.Web.Features.PlantedFeature
{
    public sealed class PlantedController(PortalDbContext db) : Controller
    {
        public async Task<IActionResult> Save(CancellationToken ct)
        {
            await db.SaveChangesAsync(ct);
            TempData["Message"] = "saved";
            return User.IsInRole("Agency") ? Ok() : Forbid();
        }

        public void Overwrite(MissionPortal.Core.Domain.Missions.Mission mission, Guid seen) =>
            db.Entry(mission).Property(m => m.Version).OriginalValue = seen;

        // Another feature's class: features share only through Shared.
        public static Type Neighbour => typeof(MissionPortal.Web.Features.Programme.ProgrammeFeature);
    }
}

namespace MissionPortal.Web.Infrastructure.PlantedInfrastructure
{
    public static class PlantedInfrastructure
    {
        public static Type Feature => typeof(MissionPortal.Web.Features.Programme.ProgrammeFeature);
    }
}

namespace MissionPortal.Core.PlantedCore
{
    public static class PlantedCore
    {
        public static Type Web => typeof(MissionPortal.Web.Infrastructure.Mvc.Flash);
    }
}
