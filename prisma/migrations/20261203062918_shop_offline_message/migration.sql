-- WIDGET-4: the message the widget shows when no agent is online.
ALTER TABLE "ShopSettings" ADD COLUMN "offlineMessage" TEXT NOT NULL DEFAULT 'We''re not online right now.';
