-- Outgoing events, written in the same transaction as the state change they report.
CREATE TABLE outbox_event (
    id              uuid PRIMARY KEY,                 -- the event id
    position        bigserial    NOT NULL UNIQUE,     -- publication order
    topic           varchar(200) NOT NULL,
    aggregate_type  varchar(100) NOT NULL,
    aggregate_id    varchar(100) NOT NULL,
    event_type      varchar(100) NOT NULL,
    event_version   integer      NOT NULL,
    envelope        text         NOT NULL,            -- the JSON exactly as it goes on the wire
    created_at      timestamptz  NOT NULL DEFAULT now(),
    published_at    timestamptz,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      text
);
CREATE INDEX outbox_event_pending ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Incoming events already applied, recorded in the same transaction as their effect.
CREATE TABLE processed_event (
    consumer      varchar(100) NOT NULL,
    event_id      uuid         NOT NULL,
    event_type    varchar(100) NOT NULL,
    processed_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
