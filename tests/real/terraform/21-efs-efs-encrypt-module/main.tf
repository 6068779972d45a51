module "copy" {
  source = "./sync"

  subnet_arn               = module.network.private_subnet_arn
  plain_efs_arn            = module.plain_efs.efs_arn
  plain_efs_sg_arn         = module.plain_efs.sg_arn
  encrypted_efs_arn        = module.encrypted_efs.efs_arn
  encrypted_efs_sg_arn     = module.encrypted_efs.sg_arn
  cloudwatch_log_group_arn = module.logs.log_group_arn
}
