using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Security;
using MissionPortal.Web.Infrastructure.Files;
using MissionPortal.Web.Infrastructure.Identity;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Files;

/// <summary>
/// Serves uploaded files to those who may see them: the owner company and the agency always; others only
/// files of products that an approved company shows in the catalogue. Never sniffed, never run in the page.
/// </summary>
[Authorize(Policy = Policies.BrowseCatalogue)]
[Route("files")]
public class FilesController(PortalDbContext db, FileStore store, IAuthorizationService authorization) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Get(Guid id, bool thumbnail, CancellationToken ct)
    {
        var file = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null || !await MaySeeAsync(file, ct))
        {
            return NotFound();
        }

        var stream = store.Open(file, thumbnail);
        if (stream is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, max-age=3600";
        var isImage = file.ContentType.StartsWith("image/", StringComparison.Ordinal);
        var disposition = new ContentDispositionHeaderValue(isImage ? "inline" : "attachment");
        disposition.SetHttpFileName(file.OriginalName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(stream, thumbnail && file.HasThumbnail ? "image/jpeg" : file.ContentType);
    }

    private async Task<bool> MaySeeAsync(StoredFile file, CancellationToken ct)
    {
        if (file.AgreementId is not null)
        {
            // An agreement's document is for the registry's keepers, whatever company is party to it.
            return User.SeesAllMissions();
        }

        // Agency and ministry see every company's files (the policy that lets them see every mission); a company its own.
        if ((await authorization.AuthorizeAsync(User, Policies.ViewMissions)).Succeeded || (file.OrganizationId is { } owner && User.CanEdit(owner)))
        {
            return true;
        }

        return file.ProductId is { } productId
            && await db.Products.AnyAsync(p => p.Id == productId && p.Organization!.Status == OrganizationStatus.Approved, ct);
    }
}
