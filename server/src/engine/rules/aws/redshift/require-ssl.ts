import type { parameterGroup } from '../../../model/aws/redshift';
import type { KindResource } from '../../../model/kind';
import { defineRule } from '../../rule';

type ParameterGroup = KindResource<typeof parameterGroup.fields>;

export default defineRule({
  meta: {
    id: 'aws-redshift-require-ssl',
    provider: 'aws',
    service: 'redshift',
    severity: 'medium',
    title: 'Redshift parameter group allows unencrypted connections',
    explanation:
      'With require_ssl set to false, clusters using this parameter group accept client connections without TLS, so credentials and query results can cross the network in clear text. Redshift provides the TLS endpoint; requiring it from every client is a parameter you set.',
    resolution:
      'Set the require_ssl parameter to "true" in the aws_redshift_parameter_group (CloudFormation: the Parameters of the AWS::Redshift::ClusterParameterGroup), make sure clients connect with sslmode=require or stricter, and reboot the clusters that use the group so the change applies.',
    links: ['https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-2'],
    responsibility: { layer: 'encryption-in-transit', resourceTypes: ['aws_redshift_parameter_group', 'AWS::Redshift::ClusterParameterGroup'] },
    controls: ['aws-fsbp:Redshift.2'],
    equivalents: {},
    fixable: true,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_redshift_parameter_group" "dw" {\n  name   = "dw"\n  family = "redshift-1.0"\n\n  parameter {\n    name  = "require_ssl"\n    value = "false"\n  }\n}\n' }],
        good: [{ code: 'resource "aws_redshift_parameter_group" "dw" {\n  name   = "dw"\n  family = "redshift-1.0"\n\n  parameter {\n    name  = "require_ssl"\n    value = "true"\n  }\n}\n' }],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  DwParams:\n    Type: AWS::Redshift::ClusterParameterGroup\n    Properties:\n      Description: dw\n      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: "false"\n' }],
        good: [{ code: 'Resources:\n  DwParams:\n    Type: AWS::Redshift::ClusterParameterGroup\n    Properties:\n      Description: dw\n      ParameterGroupFamily: redshift-1.0\n      Parameters:\n        - ParameterName: require_ssl\n          ParameterValue: "true"\n' }],
      },
    },
  },
  check(ctx) {
    // Only an explicit "false" is reported. What a default parameter group, or a group that leaves require_ssl out,
    // applies depends on the parameter group family and on when the cluster was created, which the code does not say.
    for (const g of ctx.resources<ParameterGroup>('aws.redshift.parameter-group')) {
      for (const p of g.f.parameters.items) {
        const { name, value } = p.f;
        if (name.origin === 'unknown' || name.value?.trim().toLowerCase() !== 'require_ssl') continue;
        if (value.origin === 'unknown' || value.origin === 'default' || value.value?.trim().toLowerCase() !== 'false') continue;
        const attr = g.source.format === 'terraform' ? 'value' : 'ParameterValue';
        ctx.report({
          resource: g,
          value,
          message: 'require_ssl is "false": clusters using this parameter group accept connections without TLS',
          fix: value.site ? { title: `Set ${attr} of require_ssl to "true"`, actions: [{ type: 'set', site: value.site, value: 'true' }] } : undefined,
        });
      }
    }
  },
});
