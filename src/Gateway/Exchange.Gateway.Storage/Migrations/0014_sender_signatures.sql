-- The sender's own signature over its SenderProvidedRequestData/ResponseData (its CallerInformationSystemSignature),
-- kept so the recipient gets it as SenderInformationSystemSignature: proof of authorship that does not rest on the
-- gateway's word. Null for messages accepted before it was kept; they are delivered without one.
ALTER TABLE messages ADD COLUMN sender_signature text;
