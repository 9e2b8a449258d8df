-- Sign-in for people (docs/security.md): users with Argon2id password hashes (PHC strings), TOTP, recovery codes
-- and revocable server-side sessions. Secrets a stolen copy of the database must not hand out are stored as hashes:
-- passwords (Argon2id), recovery codes and session ids (SHA-256 of 256-bit random values).

create table users (
    id                    bigserial primary key,
    name                  text        not null unique,
    role                  text        not null check (role in ('viewer', 'operator', 'admin')),
    password_hash         text        not null,   -- $argon2id$v=19$m=..,t=..,p=..$salt$hash
    must_change_password  boolean     not null default false,
    disabled              boolean     not null default false,
    totp_secret           text,                   -- Base32; set once enrolment is confirmed
    totp_pending_secret   text,                   -- Base32; offered at enrolment, not yet confirmed
    totp_last_step        bigint,                 -- the last accepted time step: a code is never accepted twice
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    password_changed_at   timestamptz not null,
    last_sign_in_at       timestamptz
);

create table user_recovery_codes (
    id         bigserial primary key,
    user_id    bigint      not null references users (id) on delete cascade,
    code_hash  text        not null,               -- SHA-256 hex of the code
    used_at    timestamptz,
    created_at timestamptz not null
);
create index user_recovery_codes_user_idx on user_recovery_codes (user_id);

-- stage 'totp': the password was right, the TOTP step is pending (a half session that opens nothing else)
create table user_sessions (
    id_hash      text primary key,                 -- SHA-256 hex of the cookie's value; the value itself is not kept
    user_id      bigint      not null references users (id) on delete cascade,
    stage        text        not null check (stage in ('totp', 'full')),
    csrf_token   text        not null,
    created_at   timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at   timestamptz not null,             -- absolute expiry
    ip           text,
    user_agent   text
);
create index user_sessions_user_idx on user_sessions (user_id);

-- settings an admin changes at run time, shared by every replica
create table auth_settings (
    name   text primary key,
    value  text not null
);
insert into auth_settings (name, value) values ('require_totp', 'false');
