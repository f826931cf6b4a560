using Microsoft.Extensions.DependencyInjection.Extensions;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Domain.Admonishments;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>Configuration of admonishments (section <c>Cases</c>): the periods 002 leaves open (see <see cref="AdmonishmentPolicy"/>).</summary>
public sealed class AdmonishmentOptions
{
    public const string Section = "Cases";

    /// <summary>002 §四5 names no period: days from the admonishment talk to the follow-up check.</summary>
    public int FollowUpDays { get; set; } = 30;

    /// <summary>Working days the person has for the written self-examination or collective analysis (002 §四4).</summary>
    public int WrittenMaterialWorkingDays { get; set; } = 5;
}

/// <summary>Admonishment talks (诫勉谈话, 002): proposal, approval, the talk, the written material, follow-up checks, a cadre's own request.</summary>
public static class AdmonishmentFeature
{
    public static IServiceCollection AddAdmonishments(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new AdmonishmentOptions();
        configuration.GetSection(AdmonishmentOptions.Section).Bind(options);
        services.AddSingleton(new AdmonishmentPolicy(options.FollowUpDays, options.WrittenMaterialWorkingDays));
        services.AddTable(CaseStore.Table).AddTable(MatterIndex.Table);
        services.TryAddSingleton<MatterIndex>();
        services.AddSingleton<CaseStore>();
        services.AddListing<CaseStore>(CaseStore.ListJob);
        services.AddSingleton<CaseCards>();
        services.AddSingleton<ProposalForm>();
        services.AddSingleton<ITaskOrigin, CaseTaskOrigin>();
        services.AddFollowUp<CaseProposed, CaseFollowUps>("CaseProposed.Approvers");
        services.AddFollowUp<CaseProposed, ProposalReminders>("CaseProposed.Reminders");
        services.AddJob<ProposalReminders>(ProposalReminders.Job, (r, entry, ct) => r.RunAsync(entry, ct));
        services.AddFollowUp<CaseDecided, CaseFollowUps>("CaseDecided.Proposer");
        services.AddFollowUp<TalkRequested, CaseFollowUps>("TalkRequested.Office");
        services.AddFollowUp<TalkScheduled, CaseFollowUps>("TalkScheduled.Case");
        services.AddFollowUp<RecordLogged, CaseFollowUps>("RecordLogged.Case");
        services.AddPeopleSearch(Datasets.CaseSubjects, PersonScopes.CaseSubjects);
        return services.AddHandler<CaseFollowUps>().AddHandler<ProposeForm>().AddHandler<ProposeCase>().AddHandler<ShowCase>().AddHandler<ApproveCase>()
            .AddHandler<RejectCase>().AddHandler<ArrangeCaseTalk>().AddHandler<CreateCaseTalk>().AddHandler<FollowUpCase>().AddHandler<RequestTalkForm>()
            .AddHandler<SubmitTalkRequest>().AddHandler<ForwardTalkRequest>();
    }
}

/// <summary>A case's tasks: its office is the one that proposed it (002 §四1); the follow-ups go to its proposer.</summary>
internal sealed class CaseTaskOrigin(CaseStore cases) : ITaskOrigin
{
    public async Task<bool?> IsOfficeAsync(Person person, string origin, CancellationToken cancellationToken) =>
        CaseId.TryParse(origin, out var id) && await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } stored
            ? AdmonishmentAccess.IsOfficeOf(person, stored.Case)
            : null;

    public async Task<IReadOnlyList<PersonId>?> OfficeAsync(string origin, PeopleLookup people, CancellationToken cancellationToken) =>
        CaseId.TryParse(origin, out var id) && await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } stored
            ? stored.Case.ProposedBy is { } proposer ? [proposer] : []
            : null;
}
