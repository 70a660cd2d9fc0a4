import { DEFAULT_PLANS, parsePlans, planOf, unknownPlanMessage } from '../../../src/config/plans';

describe('plans', () => {
  it('are the documented defaults without an override', () => {
    expect(parsePlans(undefined)).toEqual(DEFAULT_PLANS);
    expect(parsePlans('  ')).toEqual(DEFAULT_PLANS);
    expect(Object.values(DEFAULT_PLANS).map((plan) => plan.maxUserKeys)).toEqual([5, 25, 100, 1000]);
  });

  it('merge an override field by field and add new plans', () => {
    const plans = parsePlans('{"free":{"burstPerSecond":3},"pro":{"callsPer30Days":null},"team":{"callsPer30Days":10,"burstPerSecond":null,"maxUserKeys":2}}');
    expect(plans.free).toEqual({ ...DEFAULT_PLANS.free, burstPerSecond: 3 });
    expect(plans.pro).toEqual({ ...DEFAULT_PLANS.pro, callsPer30Days: null });
    expect(plans.team).toEqual({ name: 'team', callsPer30Days: 10, burstPerSecond: null, maxUserKeys: 2 });
    expect(plans.basic).toEqual(DEFAULT_PLANS.basic);
  });

  it.each([
    ['not json', 'PLANS_JSON must be a JSON object of plans'],
    ['[1]', 'PLANS_JSON must be a JSON object of plans'],
    ['{"Free":{}}', 'plan name "Free"'],
    ['{"free":3}', 'PLANS_JSON.free must be an object'],
    ['{"free":{"burstPerSecond":-1}}', 'PLANS_JSON.free.burstPerSecond must be a whole number'],
    ['{"free":{"burstPerSecond":1.5}}', 'PLANS_JSON.free.burstPerSecond must be a whole number'],
    ['{"free":{"maxUserKeys":null}}', 'PLANS_JSON.free.maxUserKeys must be a whole number from 0 to 2147483647'],
    ['{"free":{"calls":1}}', 'PLANS_JSON.free.calls is not a plan field'],
    ['{"team":{"burstPerSecond":1,"maxUserKeys":1}}', 'PLANS_JSON.team.callsPer30Days is required for a new plan'],
    ['{"team":{"burstPerSecond":1,"callsPer30Days":1}}', 'PLANS_JSON.team.maxUserKeys is required for a new plan'],
  ])('refuse %s', (json, message) => {
    expect(() => parsePlans(json)).toThrow(message);
  });

  it.each([
    ['pro', 'pro'],
    ['gone', 'free'],
    [undefined, 'free'],
    ['constructor', 'free'],
  ])('planOf(%s) is %s', (name, expected) => {
    expect(planOf(DEFAULT_PLANS, name).name).toBe(expected);
  });

  it.each([
    ['basic', undefined],
    ['gold', 'Unknown plan gold (plans: free, basic, pro, enterprise)'],
    ['toString', 'Unknown plan toString (plans: free, basic, pro, enterprise)'],
  ])('unknownPlanMessage(%s)', (name, message) => {
    expect(unknownPlanMessage(DEFAULT_PLANS, name)).toBe(message);
  });
});
