using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Files;

namespace MissionPortal.Web.Features.Agreements;

/// <summary>The agreement's signed text: a PDF, checked by its content; a new upload replaces the old file.</summary>
public static class AttachAgreementDocument
{
    public enum Outcome
    {
        Attached,
        NotFound,

        /// <summary>No file, or not one the store takes (see the refusal).</summary>
        Refused,
    }

    /// <summary>What happened; the stored file's name and whether it replaced an earlier one, or the refusal.</summary>
    public sealed record Result(Outcome Outcome, string? FileName = null, bool Replaced = false, string? Refusal = null);

    public sealed class Handler(PortalDbContext db, FileStore files, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result> HandleAsync(int id, IFormFile? document, CancellationToken ct)
        {
            if (!await db.Agreements.AnyAsync(a => a.Id == id, ct))
            {
                return new Result(Outcome.NotFound);
            }

            if (document is null)
            {
                return new Result(Outcome.Refused, Refusal: l["Выберите файл соглашения (PDF)."]);
            }

            var (file, error) = await files.SaveAgreementDocumentAsync(document, id, ct);
            if (error is not null)
            {
                return new Result(Outcome.Refused, Refusal: error);
            }

            var old = await db.StoredFiles.Where(f => f.AgreementId == id && f.Kind == StoredFileKind.AgreementDocument).ToListAsync(ct);
            db.StoredFiles.RemoveRange(old);
            db.StoredFiles.Add(file!);
            await db.SaveChangesAsync(ct);
            old.ForEach(files.Delete);
            return new Result(Outcome.Attached, file!.OriginalName, Replaced: old.Count > 0);
        }
    }
}
