using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Security;

namespace MissionPortal.Web.Features.Missions;

/// <summary>Missions the user may see, and one mission's organisers, delegations and programme by day.</summary>
[Authorize(Policy = Policies.UsePortal)]
public class MissionsController(MissionQueries queries) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await queries.List(User).ToListAsync(ct));

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var mission = await queries.DetailsAsync(id, User, ct);
        return mission is null ? NotFound() : View(mission);
    }
}
