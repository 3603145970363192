-- The W3C trace context (traceparent) of the request that wrote the event. The relay sends it as the record's
-- traceparent header, so a consumer's span joins the trace of that request although the relay sends later, from a
-- thread of its own. Null where tracing is off.
alter table outbox_event add column traceparent text;
