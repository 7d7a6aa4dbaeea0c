import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { useApp } from '../../test/helpers/app.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { saveProfile } from '../profile/service.js';

describeEachEngine("the interface's language", (get) => {
  const { loginAs } = useApp(get);

  it("is the user's choice, else the team's first preferred language the interface speaks, else English", async () => {
    const anna = await loginAs('analyst');
    const session = async () =>
      (await anna.request({ url: '/api/auth/session' })).json<{ language: string; languageChoice: string | null }>();
    expect(await session()).toMatchObject({ language: 'en', languageChoice: null });

    await saveProfile(get().db, 'system:test', loadProfileFixture('cert-stockholm'));
    expect(await session()).toMatchObject({ language: 'sv', languageChoice: null });

    const chosen = await anna.request({ method: 'PUT', url: '/api/auth/language', payload: { language: 'en' } });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ language: 'en', languageChoice: 'en' });
    expect(await session()).toMatchObject({ language: 'en', languageChoice: 'en' });

    expect((await anna.request({ method: 'PUT', url: '/api/auth/language', payload: { language: 'de' } })).statusCode).toBe(400);
    await anna.request({ method: 'PUT', url: '/api/auth/language', payload: { language: null } });
    expect(await session()).toMatchObject({ language: 'sv', languageChoice: null });
  });
});
