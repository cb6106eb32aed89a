using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MissionPortal.Core.Domain.Identity;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.Web.Infrastructure.Identity;

/// <summary>Identity's UserManager that tells the session check about every stored change of a security stamp.</summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    SessionStampCache stamps)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(PortalUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded)
        {
            stamps.Remember(user.Id, user.SecurityStamp);
        }
        else
        {
            stamps.Forget(user.Id);
        }

        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(PortalUser user)
    {
        var result = await base.DeleteAsync(user);
        stamps.Forget(user.Id);
        return result;
    }
}
