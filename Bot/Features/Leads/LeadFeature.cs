using Microsoft.Extensions.DependencyInjection.Extensions;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Leads;

/// <summary>Leads (问题线索, 000 §三2–3): registered, turned into a reminder talk, and decided on after it (000 §四(四)).</summary>
public static class LeadFeature
{
    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddTable(LeadStore.Table).AddTable(MatterIndex.Table);
        services.TryAddSingleton<MatterIndex>();
        services.AddSingleton<LeadStore>();
        services.AddListing<LeadStore>(LeadStore.ListJob);
        services.AddSingleton<LeadCards>();
        services.AddSingleton<ITaskOrigin, LeadTaskOrigin>();
        services.AddFollowUp<TalkScheduled, LeadTalkAttach>("TalkScheduled.Lead");
        services.AddFollowUp<RecordLogged, LeadDispositionRequest>("RecordLogged.Lead");
        services.AddFollowUp<DispositionsRecorded, LeadFollowOns>("DispositionsRecorded.FollowOns");
        services.AddPeopleSearch(Datasets.LeadSubjects, PersonScopes.LeadSubjects);
        return services.AddHandler<NewLead>().AddHandler<CreateLead>().AddHandler<ShowLead>().AddHandler<ArrangeLeadTalk>().AddHandler<CreateLeadTalk>()
            .AddHandler<DisposeForm>().AddHandler<DisposeLead>();
    }
}

/// <summary>A lead's tasks: its office is the discipline office of the unit that registered it (000 §三2–3).</summary>
internal sealed class LeadTaskOrigin(LeadStore leads) : ITaskOrigin
{
    public async Task<bool?> IsOfficeAsync(Person person, string origin, CancellationToken cancellationToken) =>
        LeadId.TryParse(origin, out var id) && await leads.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } stored
            ? LeadAccess.IsOfficeOf(person, stored.Lead)
            : null;

    public async Task<IReadOnlyList<PersonId>?> OfficeAsync(string origin, PeopleLookup people, CancellationToken cancellationToken) =>
        LeadId.TryParse(origin, out var id) && await leads.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } stored
            ? DisciplineOffices.Of(stored.Lead.OfficeUnit, people.All)
            : null;
}
