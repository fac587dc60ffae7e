// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import type { ComponentProps } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { renderInRoute } from "~/testing/render-in-route";
import { ApiKeysCard } from "./api-keys-card";

afterEach(cleanup);

const renderCard = (props: ComponentProps<typeof ApiKeysCard>) =>
  renderInRoute(<ApiKeysCard {...props} />);

const crm = {
  id: "key-1",
  name: "CRM sync",
  createdAt: new Date("2026-11-02T10:00:00Z"),
  lastUsedAt: null,
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
    expect(screen.getByText("Created 2 Nov 2026 · never used")).toBeTruthy();
    expect(screen.getByText("Created 2 Nov 2026 · last used 20 Nov 2026")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Revoke Zapier" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(Object.fromEntries(posted[0]!)).toEqual({ keyId: "key-2", intent: "revoke-key" });
  });

  it("shows why a key could not be made under the name field", () => {
    renderCard({ keys: [], error: "Name the key." });
    const name = screen.getByLabelText("New key's name");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Name the key.")).toBeTruthy();
  });
});
