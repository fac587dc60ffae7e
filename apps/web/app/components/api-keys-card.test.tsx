// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { ComponentProps } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { renderInRoute } from "~/testing/render-in-route";
import { ApiKeysCard } from "./api-keys-card";

afterEach(cleanup);

const scopeLabels = {
  read_bookings: "Read bookings",
  manage_bookings: "Manage bookings",
  manage_settings: "Manage settings",
};

const renderCard = (props: Omit<ComponentProps<typeof ApiKeysCard>, "scopeLabels">) =>
  renderInRoute(<ApiKeysCard scopeLabels={scopeLabels} {...props} />);

const crm = {
  id: "key-1",
  name: "CRM sync",
  createdAt: new Date("2026-11-02T10:00:00Z"),
  lastUsedAt: null,
  scopes: ["read_bookings" as const],
  expiresAt: null,
};

describe("ApiKeysCard", () => {
  it("shows a new key once, in full, with the warning to copy it", () => {
    renderCard({ keys: [crm], created: { ...crm, key: "tt_abcdefghijklmnopqrstuvwxyz012345" } });
    expect(screen.getByRole("status").textContent).toContain("it will not be shown again");
    expect(screen.getByText("tt_abcdefghijklmnopqrstuvwxyz012345")).toBeTruthy();
  });

  it("lists keys by name and dates only, and revokes the one asked for", async () => {
    const posted = renderCard({
      keys: [
        crm,
        { ...crm, id: "key-2", name: "Zapier", lastUsedAt: new Date("2026-11-20T08:00:00Z") },
      ],
    });
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByText("Created 2 Nov 2026 · never used · never expires")).toBeTruthy();
    expect(
      screen.getByText("Created 2 Nov 2026 · last used 20 Nov 2026 · never expires"),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Revoke Zapier" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(Object.fromEntries(posted[0]!)).toEqual({ keyId: "key-2", intent: "revoke-key" });
  });

  it("lists what each key may do and when it expires", () => {
    renderCard({
      keys: [
        {
          ...crm,
          scopes: ["read_bookings", "manage_bookings"],
          expiresAt: new Date("2027-02-01T10:00:00Z"),
        },
      ],
    });
    expect(screen.getByText("May: read bookings, manage bookings")).toBeTruthy();
    expect(screen.getByText("Created 2 Nov 2026 · never used · expires 1 Feb 2027")).toBeTruthy();
  });

  it("sends the scopes the host ticked and the expiry picked with the new key", async () => {
    const posted = renderCard({ keys: [] });
    fireEvent.change(screen.getByLabelText("New key's name"), { target: { value: "Reports" } });
    const group = screen.getByRole("group", { name: "What the key may do" });
    expect(group).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Manage bookings"));
    fireEvent.click(screen.getByLabelText("Manage settings"));
    fireEvent.change(screen.getByLabelText("Expires"), { target: { value: "30" } });
    fireEvent.click(screen.getByRole("button", { name: "Create key" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect([...posted[0]!.entries()]).toEqual([
      ["keyName", "Reports"],
      ["expiresInDays", "30"],
      ["scopes", "read_bookings"],
      ["intent", "create-key"],
    ]);
  });

  it("shows why a scope choice was refused by the boxes", () => {
    renderCard({ keys: [], errors: { scopes: "Tick at least one thing the key may do." } });
    const group = screen.getByRole("group", { name: "What the key may do" });
    expect(group.getAttribute("aria-invalid")).toBe("true");
    expect(group.getAttribute("aria-describedby")).toBe("keyScopes-error");
    expect(screen.getByText("Tick at least one thing the key may do.")).toBeTruthy();
  });

  it("shows why a key could not be made under the name field", () => {
    renderCard({ keys: [], errors: { name: "Name the key." } });
    const name = screen.getByLabelText("New key's name");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Name the key.")).toBeTruthy();
  });
});
