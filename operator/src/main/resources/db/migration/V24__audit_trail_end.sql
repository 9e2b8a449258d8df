-- where a resource's trail of phase changes ends is read by its uid (AuditLog.continueTrail)
create index audit_events_subject_uid_idx on audit_events (subject_uid, id);
