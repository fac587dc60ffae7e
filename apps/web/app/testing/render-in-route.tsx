import { createRemixStub } from "@remix-run/testing";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";

/**
 * Renders `element` as a route's page would be, so its `<Form>`s work; returns what they post,
 * one FormData per submission.
 */
export function renderInRoute(element: ReactElement): FormData[] {
  const posted: FormData[] = [];
  const Stub = createRemixStub([
    {
      path: "/",
      Component: () => element,
      action: async ({ request }) => {
        posted.push(await request.formData());
        return null;
      },
    },
  ]);
  render(<Stub />);
  return posted;
}
