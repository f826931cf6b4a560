namespace TalkBot.Domain.FollowUps;

/// <summary>A follow-on task as a list shows it: what it asks for, of whom, by when, and where it stands.</summary>
public sealed record TaskListing(CaseTaskId Id, CaseTaskKind Kind, PersonId Subject, PersonId Assignee, IReadOnlyList<PersonId> Reviewers, DateOnly DueDate,
    CaseTaskStatus Status)
{
    public bool AwaitsSubmission => CaseTask.AwaitsSubmissionIn(Status);

    public bool IsDone => Status == CaseTaskStatus.Done;
}
